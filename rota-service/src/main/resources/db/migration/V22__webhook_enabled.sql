-- A lifecycle-webhook subscription can be switched off without losing its secret or its history:
-- a disabled subscriber is sent no events (PUT /api/webhooks/{id}).
ALTER TABLE webhook_subscription ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
