package dev.debrief.security;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.InvalidFieldsException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The signed-in person's own account: changing their password. A change ends every session of theirs, this one
 * included, so the page sends them to sign in again with the new password.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    /** The password form, with the errors beside their fields. */
    public record PasswordPage(Map<String, String> errors, boolean first) {

        public String error(String field) {
            return errors.getOrDefault(field, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(PasswordPage page, String user);
    }

    @GET
    @Path("password")
    public TemplateInstance passwordForm(@QueryParam("first") String first) {
        return Templates.password(new PasswordPage(Map.of(), first != null), currentUser.name());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put("currentPassword", "is required");
        }
        PasswordPolicy.problems("newPassword", currentUser.name(), newPassword)
                .forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        if (errors.isEmpty()) {
            try {
                users.changeOwnPassword(currentUser.name(), currentPassword, newPassword);
                return Response.seeOther(URI.create("/login?changed=true")).build();
            } catch (InvalidFieldsException e) {
                e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.password(new PasswordPage(errors, false), currentUser.name())).build();
    }
}
