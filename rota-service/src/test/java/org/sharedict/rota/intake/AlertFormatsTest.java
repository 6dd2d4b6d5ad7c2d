package org.sharedict.rota.intake;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.intake.AlertFormats.Signal;
import org.sharedict.rota.intake.IntakeAlert.Action;
import org.sharedict.rota.intake.IntakeDtos.AlertmanagerPayload;
import org.sharedict.rota.intake.IntakeDtos.EventInput;
import org.sharedict.rota.intake.IntakeDtos.GrafanaPayload;
import org.sharedict.rota.intake.IntakeDtos.MonitoredAlert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each format's mapping onto trigger / acknowledge / resolve, without a server. */
class AlertFormatsTest {

    private static MonitoredAlert alert(String status, String name, String fingerprint) {
        return new MonitoredAlert(
                status,
                Map.of("alertname", name, "severity", "warning"),
                Map.of("summary", name + " is failing"),
                null,
                null,
                null,
                fingerprint);
    }

    @Test
    void anAlertmanagerGroupIsOneSignalKeyedByItsGroupAndResolvedOnlyWhenTheGroupIs() {
        AlertmanagerPayload firing = new AlertmanagerPayload(
                "4",
                "{}:{alertname=\"DiskFull\"}",
                "firing",
                "sharedict",
                null,
                Map.of("alertname", "DiskFull"),
                null,
                null,
                List.of(alert("firing", "DiskFull", "a"), alert("resolved", "DiskFull", "b")));
        Signal s = AlertFormats.alertmanager(firing);
        assertEquals(Action.TRIGGER, s.action());
        assertEquals("{}:{alertname=\"DiskFull\"}", s.dedupKey());
        assertEquals("DiskFull is failing (1 of 2 firing)", s.summary());
        assertEquals(Incident.Severity.MEDIUM, s.severity());
        AlertmanagerPayload resolved = new AlertmanagerPayload(
                "4",
                firing.groupKey(),
                "resolved",
                null,
                null,
                null,
                null,
                null,
                List.of(alert("resolved", "DiskFull", "a")));
        assertEquals(Action.RESOLVE, AlertFormats.alertmanager(resolved).action());
    }

    @Test
    void eachGrafanaAlertIsItsOwnSignalByFingerprint() {
        List<Signal> signals = AlertFormats.grafana(new GrafanaPayload(
                "firing",
                null,
                null,
                "[FIRING:2]",
                null,
                null,
                null,
                List.of(alert("firing", "CPU", "f1"), alert("resolved", "Memory", "f2"))));
        assertEquals(List.of("f1", "f2"), signals.stream().map(Signal::dedupKey).toList());
        assertEquals(
                List.of(Action.TRIGGER, Action.RESOLVE),
                signals.stream().map(Signal::action).toList());
    }

    @Test
    void theGenericFormatNeedsAKeyToClearAndASummaryToTrigger() {
        ProblemException noKey = assertThrows(
                ProblemException.class,
                () -> AlertFormats.event(new EventInput("resolve", null, null, null, null, null)));
        assertEquals("dedupKey", noKey.problem().errors.get(0).field());
        ProblemException noSummary = assertThrows(
                ProblemException.class,
                () -> AlertFormats.event(new EventInput("trigger", "k", " ", null, null, null)));
        assertEquals("summary", noSummary.problem().errors.get(0).field());
        Signal t = AlertFormats.event(new EventInput("trigger", null, "Disk", "ERROR", null, null));
        assertTrue(t.dedupKey().length() > 10, "a trigger without a key is given one");
        assertEquals(Incident.Severity.HIGH, t.severity());
    }

    @Test
    void monitoringSeveritiesMapOntoOursAndUnknownOnesTakeTheKeysDefault() {
        assertEquals(Incident.Severity.CRITICAL, AlertFormats.severity("Critical"));
        assertEquals(Incident.Severity.HIGH, AlertFormats.severity("error"));
        assertEquals(Incident.Severity.MEDIUM, AlertFormats.severity("warning"));
        assertEquals(Incident.Severity.LOW, AlertFormats.severity("info"));
        assertNull(AlertFormats.severity("purple"));
        assertNull(AlertFormats.severity(null));
    }
}
