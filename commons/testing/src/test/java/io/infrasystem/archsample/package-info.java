/**
 * Sample "services" for the tests of {@code ArchitectureRules}: {@code bad.cycle}, {@code bad.imports} and
 * {@code bad.resource} each break one rule, {@code good} breaks none, {@code other} stands for another
 * service.
 */
package io.infrasystem.archsample;
