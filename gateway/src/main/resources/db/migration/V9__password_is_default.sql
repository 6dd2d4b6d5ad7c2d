-- Whether a password is a default one is decided when it is set, so the gateway's start-up check
-- no longer runs bcrypt against every default (4 s of each start). NULL for hashes stored before:
-- the first start checks those once and records the answer.
ALTER TABLE app_user ADD COLUMN password_is_default BOOLEAN NULL AFTER password_hash;
