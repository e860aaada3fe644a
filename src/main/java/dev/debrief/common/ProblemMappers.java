package dev.debrief.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the REST layer into {@code application/problem+json}. Details are
 * written for people: no Java class names and no stack traces leave the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(DebriefException e) {
        return respond(Problem.of(e.status(), e.title(), e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(Problem.of(400, "Invalid request", "The request has invalid fields: " + fields + ".", errors));
    }

    @ServerExceptionMapper
    public Response unknownValue(InvalidFormatException e) {
        String field = pathOf(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            message = "has the unknown value '" + e.getValue() + "'; allowed values are " + allowed;
        } else {
            message = "has the value '" + e.getValue() + "', which is not a valid " + describe(target);
        }
        return fieldProblem(field, message);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(Problem.of(400, "Malformed request body",
                    "The request body must be a JSON object of the documented shape."));
        }
        return fieldProblem(field, "must be " + article(describe(e.getTargetType())));
    }

    @ServerExceptionMapper
    public Response otherMapping(JsonMappingException e) {
        String field = pathOf(e);
        return field.isEmpty()
                ? respond(Problem.of(400, "Malformed request body", "The request body could not be read as JSON."))
                : fieldProblem(field, "could not be read");
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where + "."));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON."));
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e) {
        return concurrent();
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(StaleStateException e) {
        return concurrent();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid) {
                return unknownValue(invalid);
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return wrongType(mismatched);
            }
            if (cause instanceof JsonParseException parse) {
                return malformed(parse);
            }
            if (cause instanceof JsonProcessingException other) {
                return unreadable(other);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(500, "Internal error", "The server could not complete the request."));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        return respond(Problem.of(status, title, sentenceFor(status, title)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrent();
            }
            if (cause instanceof DebriefException refusal) {
                return refused(refusal);
            }
            if (cause instanceof DataException) {
                return respond(Problem.of(400, "Invalid request", "A value does not fit what the database can "
                        + "store (too long, out of range, or with characters it refuses)."));
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return respond(Problem.of(409, "Conflict", "The change conflicts with data stored at the same "
                        + "moment by another request. Reload and try again."));
            }
            if (cause instanceof LockAcquisitionException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException) {
                // Two requests each waiting for what the other holds (two admins demoting each other, say): the
                // database gave one up, and nothing of it was stored.
                return respond(Problem.of(409, "Conflict", "Another request was changing the same data at the same "
                        + "moment, so this one was stopped and nothing of it was stored. Reload and try again."));
            }
            cause = cause.getCause();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal error",
                "The server could not complete the request. The error has been logged."));
    }

    private static Response concurrent() {
        return respond(Problem.of(409, "Stale version",
                "Someone else changed this resource while you were saving. Reload it and save again."));
    }

    private static String sentenceFor(int status, String title) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "The server cannot produce the media type asked for in Accept.";
            case 413 -> "The request body is larger than the server accepts.";
            case 415 -> "The request body must be application/json.";
            default -> title + ".";
        };
    }

    private static Response fieldProblem(String field, String message) {
        return respond(Problem.of(400, "Invalid request", "The request has invalid fields: " + field + " " + message + ".",
                List.of(new FieldError(field, message))));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        boolean pastParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    pastParameter = true;
                    continue;
                }
                default -> {
                }
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (field.isEmpty() && !pastParameter) {
            return String.valueOf(violation.getPropertyPath());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        String name = type.getSimpleName();
        return switch (name) {
            case "Instant", "OffsetDateTime" -> "ISO-8601 instant such as 2026-03-01T14:05:00Z";
            case "LocalDate" -> "date such as 2026-03-01";
            case "Long", "long", "Integer", "int" -> "whole number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            case "List", "Set", "Collection", "ArrayList" -> "JSON array";
            default -> type.isEnum() ? "known value" : "JSON object";
        };
    }

    private static String article(String noun) {
        return (noun.matches("^[aeiouAEIOU].*") ? "an " : "a ") + noun;
    }
}
