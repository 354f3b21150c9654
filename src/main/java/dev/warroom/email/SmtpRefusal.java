package dev.warroom.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail server's permanent refusal (an SMTP 5xx reply) in a failed send, if that is why it failed: such an
 * email is given up, while a 4xx reply or a network failure is worth trying again.
 */
record SmtpRefusal(String reply) {

    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*(\\d{3})\\b");

    static Optional<SmtpRefusal> of(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            int code = 0;
            if (cause instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            } else if (cause instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            } else if (cause instanceof AuthenticationFailedException login) {
                code = codeAtStartOf(login.getMessage()); // the login's refusal carries only the reply's text
            }
            if (code >= 500 && code < 600) {
                String prefix = cause instanceof AuthenticationFailedException ? "login refused: " : "";
                return Optional.of(new SmtpRefusal(prefix + cause.getMessage().strip()));
            }
        }
        return Optional.empty();
    }

    private static int codeAtStartOf(String reply) {
        Matcher code = REPLY_CODE.matcher(reply == null ? "" : reply);
        return code.find() ? Integer.parseInt(code.group(1)) : 0;
    }
}
