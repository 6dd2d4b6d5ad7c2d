package org.sharedict.rota.notify;

/** Places a text-to-speech call that asks the person to press 1 to acknowledge; one provider (Twilio) today. */
public interface VoiceCalls {

    boolean enabled();

    /**
     * Calls {@code phone} (E.164) and says {@code speech}, then for a page ({@code askToAcknowledge})
     * asks for 1 to acknowledge; answers the provider's call ID.
     */
    String call(String phone, String speech, long notificationId, boolean askToAcknowledge) throws VoiceFailure;

    class VoiceFailure extends Exception {
        public VoiceFailure(String message) {
            super(message);
        }
    }
}
