package dev.warroom.plan;

import java.util.List;

/** The plans folder was read again: the plans now in force. */
public record PlansReloaded(List<Plan> active) {}
