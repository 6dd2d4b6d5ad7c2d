-- Call-outs (issue 16): an incident raised for another service's people — a DR plan's owner and the
-- owners of its first-wave steps — names them, and a policy's steps page them through two new
-- target kinds (INCIDENT_OWNER, INCIDENT_RESPONDERS). The incident keeps a reference and a link
-- back to what raised it (a DR invocation).

ALTER TABLE escalation_target MODIFY kind VARCHAR(24) NOT NULL;

-- A call-out policy is followed by incidents that name responders and no policy: the partner's own
-- first, else a partnership-wide one.
ALTER TABLE escalation_policy ADD COLUMN call_out BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE incident ADD COLUMN external_ref VARCHAR(200) NULL;
ALTER TABLE incident ADD COLUMN external_url VARCHAR(1000) NULL;

-- The people an incident names: its owner (OWNER, at most one) and its responders (RESPONDER).
CREATE TABLE incident_responder (
    incident_id BIGINT       NOT NULL,
    position    INT          NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    person_id   BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    why         VARCHAR(300),
    PRIMARY KEY (incident_id, position),
    CONSTRAINT fk_incident_responder_incident FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The partnership's DR call-out: the owner and the first-wave owners at once, then after 15 minutes
-- without an acknowledgement the owner again with the partner's managers; once more round.
-- Admins edit it like any partnership-wide policy.
INSERT INTO escalation_policy (name, partner, repeat_count, steps, version, created_at, updated_at, high_urgency,
                               low_urgency_waits, call_out)
SELECT 'DR call-out', NULL, 1,
       '{"steps":[{"delay":"PT15M","delaySeconds":900,"targets":[{"kind":"INCIDENT_OWNER"},{"kind":"INCIDENT_RESPONDERS"}]},{"delay":"PT15M","delaySeconds":900,"targets":[{"kind":"INCIDENT_OWNER"},{"kind":"PARTNER_MANAGER"}]}]}',
       0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 'CRITICAL,HIGH,MEDIUM,LOW', FALSE, TRUE
WHERE NOT EXISTS (SELECT 1 FROM escalation_policy WHERE name = 'DR call-out');

INSERT INTO escalation_target (policy_id, step_index, position, kind)
SELECT p.id, t.step_index, t.position, t.kind
FROM escalation_policy p
JOIN (SELECT 0 AS step_index, 0 AS position, 'INCIDENT_OWNER' AS kind
      UNION ALL SELECT 0, 1, 'INCIDENT_RESPONDERS'
      UNION ALL SELECT 1, 0, 'INCIDENT_OWNER'
      UNION ALL SELECT 1, 1, 'PARTNER_MANAGER') t
WHERE p.name = 'DR call-out' AND p.call_out = TRUE
  AND NOT EXISTS (SELECT 1 FROM escalation_target x WHERE x.policy_id = p.id);
