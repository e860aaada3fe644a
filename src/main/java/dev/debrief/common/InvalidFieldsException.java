package dev.debrief.common;

import java.util.List;

/** 400: one or more fields hold values the rules do not allow. */
public class InvalidFieldsException extends DebriefException {

    private static final long serialVersionUID = 1L;

    public InvalidFieldsException(List<FieldError> errors) {
        super(400, "Invalid request", summarise(errors), errors);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new FieldError(field, message)));
    }

    private static String summarise(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder("The request has invalid fields: ");
        for (int i = 0; i < errors.size(); i++) {
            FieldError error = errors.get(i);
            detail.append(i == 0 ? "" : "; ").append(error.field()).append(' ').append(error.message());
        }
        return detail.append('.').toString();
    }
}
