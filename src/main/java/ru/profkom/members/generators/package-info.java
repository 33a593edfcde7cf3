/**
 * Generated members for the demo union and the benchmarks: a deterministic generator of realistic Russian
 * people, messy import files made from them, the {@code generate-members} and {@code bench-member-search}
 * commands. The demo module uses the generator through this named interface.
 */
@org.springframework.modulith.NamedInterface("generators")
package ru.profkom.members.generators;
