package dev.debrief.postmortem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The taxonomy of contributing factors (docs/api.md): admins add and rename factors; none is removed, so the
 * post-mortems that name one keep it. Audited.
 */
@ApplicationScoped
@Transactional
public class FactorService extends NamedList<Factor> {

    public FactorService() {
        super(Factor.class, "factor", "contributing factor", Factor::new);
    }
}
