package dev.debrief.postmortem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The taxonomy of contributing factors (docs/api.md): admins add and rename factors; none is removed, so the
 * post-mortems that name one keep it. Audited.
 */
@ApplicationScoped
@Transactional
public class FactorService extends NamedList<Factor> {

    @Override
    protected Class<Factor> type() {
        return Factor.class;
    }

    @Override
    protected String kind() {
        return "factor";
    }

    @Override
    protected String label() {
        return "contributing factor";
    }

    @Override
    protected Factor newEntry(String name, Instant now) {
        return new Factor(name, now);
    }
}
