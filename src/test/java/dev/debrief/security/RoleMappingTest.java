package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    private static RoleMapping mapping(SingleSignOnConfig.WithoutMatch withoutMatch) {
        return new RoleMapping(new SingleSignOnConfig.Roles() {
            @Override
            public List<String> admin() {
                return List.of("ops-leads");
            }

            @Override
            public List<String> editor() {
                return List.of("engineers", "sre");
            }

            @Override
            public List<String> viewer() {
                return List.of("staff");
            }

            @Override
            public SingleSignOnConfig.WithoutMatch withoutMatch() {
                return withoutMatch;
            }
        });
    }

    @Test
    void theHighestMappedRoleWins() {
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.VIEWER).roleFor(Set.of("sre", "ops-leads", "staff")))
                .contains(Role.ADMIN);
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.VIEWER).roleFor(Set.of("staff", "engineers")))
                .contains(Role.EDITOR);
    }

    @Test
    void noMappedValueMakesAViewerByDefault() {
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.VIEWER).roleFor(Set.of("catering"))).contains(Role.VIEWER);
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.VIEWER).roleFor(Set.of())).contains(Role.VIEWER);
    }

    @Test
    void noMappedValueIsRefusedWhenTheOperatorSaysSo() {
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.REFUSE).roleFor(Set.of("catering"))).isEmpty();
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.REFUSE).roleFor(Set.of("staff"))).contains(Role.VIEWER);
    }

    @Test
    void valuesAreComparedExactly() {
        assertThat(mapping(SingleSignOnConfig.WithoutMatch.REFUSE).roleFor(Set.of("Ops-Leads", "/ops-leads")))
                .isEmpty();
    }
}
