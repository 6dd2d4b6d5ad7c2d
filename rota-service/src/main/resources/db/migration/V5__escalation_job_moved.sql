-- The escalation engine moved from incidents to escalation (escalation/engine): steps planned
-- before the upgrade are stored with the old job class and must fire with the new one.
UPDATE QRTZ_JOB_DETAILS SET JOB_CLASS_NAME = 'org.sharedict.rota.escalation.engine.EscalationJob'
WHERE JOB_CLASS_NAME = 'org.sharedict.rota.incidents.EscalationJob';
