-- Leave has one owner, skills-service (docs/ARCHITECTURE.md, "One leave record"): person_leave is
-- rota-service's copy of its periods, each row naming the skills-service period it mirrors. Rows
-- written before this version have none and stay rota-only (shown and honoured, never refreshed).
ALTER TABLE person_leave
    ADD COLUMN skills_leave_id BIGINT NULL,
    ADD CONSTRAINT uq_person_leave_skills UNIQUE (skills_leave_id);
