package io.infrasystem.vm.payload;

/**
 * What a streamed sync payload was, once its last VM has been handed on.
 *
 * @param shape which format it was recognised as
 * @param vmCount how many VMs it carried (all valid: an invalid payload ends in a problem instead)
 * @param singleEvent whether it describes one VM event (a Prism webhook) rather than an inventory;
 *     such payloads sync as {@code partial} unless the caller says otherwise
 */
public record PayloadSummary(PayloadShape shape, int vmCount, boolean singleEvent) {}
