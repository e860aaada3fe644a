package dev.debrief.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in person's roles, for templates ({@code inject:roles}): which links the header shows. */
@Named("roles")
@RequestScoped
public class Roles {

    @Inject
    SecurityIdentity identity;

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }
}
