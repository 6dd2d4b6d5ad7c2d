package org.sharedict.dr.impact;

/** Minutes as people say them in findings: 90 min, 4 h, 3 d. */
final class Minutes {

    private Minutes() {}

    static String text(int minutes) {
        if (minutes >= 1440 && minutes % 1440 == 0) {
            return minutes / 1440 + " d";
        }
        if (minutes >= 60 && minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes + " min";
    }
}
