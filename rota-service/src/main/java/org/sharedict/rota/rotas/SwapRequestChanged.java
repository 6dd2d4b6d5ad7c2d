package org.sharedict.rota.rotas;

/** A swap request was made or decided, in the transaction that did it: whoever must hear of it is told. */
public record SwapRequestChanged(long requestId, SwapRequest.Status status, String by) {}
