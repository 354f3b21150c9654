package dev.warroom.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** The one error shape of Warroom's HTTP API: {@code {"error": "what was wrong"}}. */
public final class ApiError {

    private ApiError() {
    }

    public static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
