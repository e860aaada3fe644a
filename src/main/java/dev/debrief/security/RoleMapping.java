package dev.debrief.security;

import java.util.Collection;
import java.util.Optional;

/**
 * The provider's role claim read as a Debrief role: the highest role any of the claim's values is mapped to, so a
 * person in both the editors' and the admins' group is an admin. With no mapped value, the operator's choice.
 */
final class RoleMapping {

    private final SingleSignOnConfig.Roles roles;

    RoleMapping(SingleSignOnConfig.Roles roles) {
        this.roles = roles;
    }

    /** The role for these claim values; empty when the person is to be refused. */
    Optional<Role> roleFor(Collection<String> claimValues) {
        if (claimValues.stream().anyMatch(roles.admin()::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (claimValues.stream().anyMatch(roles.editor()::contains)) {
            return Optional.of(Role.EDITOR);
        }
        if (claimValues.stream().anyMatch(roles.viewer()::contains)
                || roles.withoutMatch() == SingleSignOnConfig.WithoutMatch.VIEWER) {
            return Optional.of(Role.VIEWER);
        }
        return Optional.empty();
    }
}
