package org.sharedict.rota.contacts;

import org.sharedict.rota.notify.Notification;

/** The ways a person can be reached when paged. */
public enum MethodKind {
    EMAIL(Notification.Channel.EMAIL),
    /** A UK mobile, stored E.164 (+447...), texted through GOV.UK Notify. */
    SMS(Notification.Channel.SMS),
    /** Any phone, stored E.164, called through the voice provider. */
    VOICE(Notification.Channel.VOICE),
    /** A Microsoft Teams Workflows webhook URL ("post to a channel when a webhook request is received"). */
    TEAMS(Notification.Channel.TEAMS),
    /** A Slack incoming-webhook URL. */
    SLACK(Notification.Channel.SLACK);

    public final Notification.Channel channel;

    MethodKind(Notification.Channel channel) {
        this.channel = channel;
    }
}
