package org.sharedict.skills.aid.ledger;

import java.math.BigDecimal;

/** Pence as pounds for people to read: 123456 is "£1,234.56". */
final class Money {

    private Money() {}

    static String pounds(long pence) {
        BigDecimal p = BigDecimal.valueOf(Math.abs(pence)).movePointLeft(2);
        return (pence < 0 ? "-£" : "£") + String.format("%,.2f", p);
    }

    static String plain(long pence) {
        return BigDecimal.valueOf(pence).movePointLeft(2).toPlainString();
    }
}
