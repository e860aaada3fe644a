package dev.debrief.security;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.common.TeamCalendar;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The signed-in person's own account: changing their password (which ends every session of theirs, this one
 * included, so the page sends them to sign in again with the new password) and their personal API tokens.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenService tokens;

    @Inject
    Validator validator;

    @Inject
    TeamCalendar calendar;

    /** The password form, with the errors beside their fields. */
    public record PasswordPage(Map<String, String> errors, boolean first) {

        public String error(String field) {
            return errors.getOrDefault(field, "");
        }
    }

    /**
     * The tokens page: the person's tokens, the form for a new one (what was typed kept, with its errors), and a
     * token just made, whose secret this page shows the one time.
     */
    public record TokensPage(List<TokenView> tokens, Map<String, String> form, Map<String, String> errors,
            TokenView created, boolean revoked) {

        public String error(String field) {
            return errors.getOrDefault(field, "");
        }

        public String typed(String field) {
            return form.getOrDefault(field, "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(PasswordPage page, String user);

        static native TemplateInstance tokens(TokensPage page, String user);
    }

    @GET
    @Path("password")
    public TemplateInstance passwordForm(@QueryParam("first") String first) {
        return Templates.password(new PasswordPage(Map.of(), first != null), currentUser.name());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            RoutingContext request) {
        Map<String, String> errors = new LinkedHashMap<>();
        int status = 400;
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put("currentPassword", "is required");
        }
        PasswordPolicy.problems("newPassword", currentUser.name(), newPassword)
                .forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        if (errors.isEmpty()) {
            try {
                users.changeOwnPassword(currentUser.name(), SignInThrottle.clientAddress(request), currentPassword,
                        newPassword);
                return Response.seeOther(URI.create("/login?changed=true")).build();
            } catch (InvalidFieldsException | TooManyPasswordChecks e) {
                e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
                status = e.status();
            }
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.password(new PasswordPage(errors, false), currentUser.name())).build();
    }

    @GET
    @Path("tokens")
    public TemplateInstance tokenList(@QueryParam("notice") String notice) {
        return tokensPage(Map.of(), Map.of(), null, "revoked".equals(notice));
    }

    /** Makes a token and shows its secret on the answer itself: a secret never travels through a URL. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name, @RestForm String scope, @RestForm String expiresOn) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", name == null ? "" : name);
        typed.put("scope", scope == null ? "" : scope);
        typed.put("expiresOn", expiresOn == null ? "" : expiresOn);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant expiresAt = null;
        try {
            expiresAt = QueryParams.parsed("expiresOn", expiresOn, null,
                    text -> LocalDate.parse(text).plusDays(1).atStartOfDay(calendar.zone()).toInstant(),
                    "must be a date such as 2027-06-30");
        } catch (InvalidFieldsException e) {
            e.errors().forEach(error -> errors.put(error.field(), error.message()));
        }
        TokenRequest request = new TokenRequest(name, scope, expiresAt);
        validator.validate(request).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (errors.isEmpty()) {
            try {
                return Response.status(201).type(MediaType.TEXT_HTML_TYPE)
                        .entity(tokensPage(Map.of(), Map.of(), tokens.create(currentUser.name(), request), false))
                        .build();
            } catch (InvalidFieldsException e) {
                e.errors().forEach(error -> errors.put("expiresAt".equals(error.field()) ? "expiresOn" : error.field(),
                        error.message()));
            }
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(tokensPage(typed, errors, null, false))
                .build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(id, currentUser.name(), false);
        return Response.seeOther(URI.create("/account/tokens?notice=revoked")).build();
    }

    private TemplateInstance tokensPage(Map<String, String> typed, Map<String, String> errors, TokenView created,
            boolean revoked) {
        return Templates.tokens(new TokensPage(tokens.list(currentUser.name()), typed, errors, created, revoked),
                currentUser.name());
    }
}
