package com.kehu.crm.sales;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline (CATALOG 1.5; the stage names are the product's proposal). A deal moves forward or one step back
 * among the open stages, is won only once a proposal is on the table, may be lost from any open stage, and a lost
 * deal can be reopened. A won deal is final.
 */
public enum PipelineStage {
    PROSPECTING,
    QUALIFICATION,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST;

    public static final List<PipelineStage> OPEN = List.of(PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION);

    public boolean isOpen() {
        return this != WON && this != LOST;
    }

    public Set<PipelineStage> allowedNext() {
        return switch (this) {
            case PROSPECTING -> EnumSet.of(QUALIFICATION, PROPOSAL, NEGOTIATION, LOST);
            case QUALIFICATION -> EnumSet.of(PROSPECTING, PROPOSAL, NEGOTIATION, LOST);
            case PROPOSAL -> EnumSet.of(QUALIFICATION, NEGOTIATION, WON, LOST);
            case NEGOTIATION -> EnumSet.of(PROPOSAL, WON, LOST);
            case WON -> EnumSet.noneOf(PipelineStage.class);
            case LOST -> EnumSet.of(PROSPECTING, QUALIFICATION);
        };
    }

    public boolean canMoveTo(PipelineStage next) {
        return allowedNext().contains(next);
    }
}
