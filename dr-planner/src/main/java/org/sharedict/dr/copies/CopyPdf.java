package org.sharedict.dr.copies;

/**
 * The PDF of an approved revision, as the exports feature renders it. The copies feature owns this
 * interface and exports implements it, so copies does not depend on exports (which prints the
 * register).
 */
public interface CopyPdf {

    record File(String name, byte[] bytes) {}

    File pdf(long planId);
}
