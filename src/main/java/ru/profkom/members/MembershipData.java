package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;

/** How a person joins: the status to start in (an application or already active), dates, card and category. */
public record MembershipData(MembershipStatus status, LocalDate joinedOn, String cardNumber, Category category) {}
