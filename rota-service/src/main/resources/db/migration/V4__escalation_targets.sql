-- A policy's targets as rows, so that a rota a policy pages is held by a foreign key: deleting it is
-- refused (rota-service answers 409 naming the policy first) instead of every policy's JSON being
-- read before a rota goes. The steps' JSON stays the policy's document (delays, order); these rows
-- are written with it on every change (one row per target: step and position 0-based).
CREATE TABLE escalation_target (
    policy_id  BIGINT        NOT NULL,
    step_index INT           NOT NULL,
    position   INT           NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    rota_id    BIGINT,
    layer      VARCHAR(16),
    person_id  BIGINT,
    partner    VARCHAR(16),
    url        VARCHAR(1000),
    PRIMARY KEY (policy_id, step_index, position),
    INDEX ix_escalation_target_rota (rota_id),
    CONSTRAINT fk_escalation_target_policy FOREIGN KEY (policy_id) REFERENCES escalation_policy (id) ON DELETE CASCADE,
    CONSTRAINT fk_escalation_target_rota FOREIGN KEY (rota_id) REFERENCES rota (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The targets of the policies there are, from their JSON ({"steps": [{"targets": [{"kind", "rotaId", ...}]}]}).
-- A rota that no longer exists is left out: the step already says so when it fires.
INSERT INTO escalation_target (policy_id, step_index, position, kind, rota_id, layer, person_id, partner, url)
SELECT p.id, t.step_no - 1, t.target_no - 1, t.kind,
       CASE WHEN t.rota_id IN (SELECT id FROM rota) THEN t.rota_id END, t.layer, t.person_id, t.partner, t.url
FROM escalation_policy p,
     JSON_TABLE(p.steps, '$.steps[*]' COLUMNS (
         step_no FOR ORDINALITY,
         NESTED PATH '$.targets[*]' COLUMNS (
             target_no FOR ORDINALITY,
             kind      VARCHAR(16)   PATH '$.kind',
             rota_id   BIGINT        PATH '$.rotaId',
             layer     VARCHAR(16)   PATH '$.layer',
             person_id BIGINT        PATH '$.personId',
             partner   VARCHAR(16)   PATH '$.partner',
             url       VARCHAR(1000) PATH '$.url'))) t
WHERE t.kind IS NOT NULL;
