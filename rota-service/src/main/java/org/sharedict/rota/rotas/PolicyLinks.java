package org.sharedict.rota.rotas;

import java.util.Optional;

/**
 * What rotas must know of escalation policies. Escalation depends on rotas (a step pages whoever is
 * on call), so rotas cannot ask it directly: escalation implements this narrow interface instead.
 */
public interface PolicyLinks {

    /** Whether an escalation policy has this ID (a rota's default must). */
    boolean policyExists(long policyId);

    /** The name of a policy with a step that pages this rota, if any: the rota cannot be deleted while one does. */
    Optional<String> policyPaging(long rotaId);
}
