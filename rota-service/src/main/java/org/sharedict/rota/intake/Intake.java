package org.sharedict.rota.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.database.DatabaseFailures;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.rota.incidents.IncidentRaiser;
import org.sharedict.rota.intake.AlertFormats.Signal;
import org.sharedict.rota.intake.IntakeDtos.Accepted;
import org.sharedict.rota.intake.IntakeDtos.AlertView;
import org.sharedict.rota.intake.IntakeDtos.Handled;

/**
 * Alerts from a monitoring system, each handled in its own transaction (see {@link AlertHandling}).
 * Not transactional itself: when two identical triggers race, the unique open key refuses the
 * second incident at commit, and that alert is handled once more, joining the first one's incident;
 * an alert whose transaction lost a deadlock is handled once more too (then answered 503).
 */
@ApplicationScoped
public class Intake {

    private final IntegrationKeys keys;
    private final AlertHandling handling;

    Intake(IntegrationKeys keys, AlertHandling handling) {
        this.keys = keys;
        this.handling = handling;
    }

    Accepted receive(String presentedKey, IntakeAlert.Source source, List<Signal> signals) {
        IntegrationKeys.Sender k = keys.authenticate(presentedKey);
        AlertHandling.Origin origin = new AlertHandling.Origin(
                k.partner(), k.id(), null, "integration:" + k.name(), k.service(), k.policyId(), k.severity());
        List<Handled> handled = new ArrayList<>();
        for (Signal s : signals) {
            handled.add(handle(origin, source, s));
        }
        return new Accepted(handled);
    }

    Handled handle(AlertHandling.Origin origin, IntakeAlert.Source source, Signal s) {
        try {
            return handling.handle(origin, source, s);
        } catch (RuntimeException e) {
            // Another alert of the same key won the insert, or a deadlock between concurrent alerts
            // rolled this one back: handled again once, in a new transaction.
            if (!IncidentRaiser.duplicateKey(e) && !DatabaseFailures.isContention(e)) {
                throw e;
            }
            return handling.handle(origin, source, s);
        }
    }

    /** A manager's test from the screen: recorded against the key (so "last alert seen" moves), nobody paged. */
    AlertView test(long integrationId) {
        IntegrationKey k = keys.require(integrationId);
        if (k.revokedAt != null) {
            throw org.sharedict.platform.problem.ProblemException.conflict(
                    "Integration key " + integrationId + " is revoked");
        }
        return handling.test(k);
    }

    /** Alerts received for the partner (managers: their own), newest first; by key, by outcome (SUPPRESSED: the suppressed list). */
    Page<AlertView> alerts(PageRequest page, String partner, Integer integrationId, IntakeAlert.Outcome outcome) {
        String p = keys.visiblePartner(partner);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (p != null) {
            where.append(" and partner = :partner");
            params.and("partner", p);
        }
        if (integrationId != null) {
            where.append(" and integrationKeyId = :key");
            params.and("key", integrationId.longValue());
        }
        if (outcome != null) {
            where.append(" and outcome = :outcome");
            params.and("outcome", outcome);
        }
        return handling.page(where.toString(), params, page);
    }
}
