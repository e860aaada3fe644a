package dev.debrief.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The person behind this request, the one way code and templates ({@code inject:currentUser}) ask who it is
 * and what they may do.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    /**
     * The signed-in person's user name; empty when nobody is signed in. The identity's name also carries the
     * version of the credential it was verified with ({@code pat#3}) and, for a page session, the session's id
     * ({@code pat#3#k7Q...}), which this leaves out.
     */
    public String name() {
        if (identity.isAnonymous()) {
            return "";
        }
        return userNameOf(identity.getPrincipal().getName());
    }

    /** The user name in an identity's name such as {@code pat#3} or {@code pat#3#k7Q...}: what comes before the first {@code #}. */
    public static String userNameOf(String principalName) {
        int mark = principalName.indexOf('#');
        return mark < 0 ? principalName : principalName.substring(0, mark);
    }

    public boolean isEditor() {
        return identity.hasRole("editor");
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }
}
