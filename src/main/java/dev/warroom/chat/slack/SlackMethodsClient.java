package dev.warroom.chat.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Response;

import java.io.IOException;

/**
 * Slack's Web API client with one {@link Gson} for every response. The SDK's client builds a new Gson per response,
 * and with it, by reflection, the adapters of the response's whole class tree (chat.postMessage's message, blocks,
 * attachments...): a quarter of the outbox threads' CPU in bench/slack-ack. Only that parsing step is replaced:
 * requests are built and sent by the SDK, and its response listeners still run.
 */
final class SlackMethodsClient extends MethodsClientImpl {

    private final Gson gson;

    SlackMethodsClient(Slack slack, String token) {
        super(slack.getHttpClient(), token);
        setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form, String method,
                                                                                   String token, Class<T> type)
            throws IOException, SlackApiException {
        Response response = runPostFormWithToken(form, method, token);
        String body = response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
        }
        try {
            T parsed = gson.fromJson(body, type);
            if (parsed != null) {
                parsed.setHttpResponseHeaders(response.headers().toMultimap()); // names lower-cased, as the SDK's
            }
            return parsed;
        } finally {
            getSlackHttpClient().runHttpResponseListeners(response, body, false);
        }
    }
}
