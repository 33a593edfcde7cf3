package ru.profkom.members;

/** The registry's closed vocabularies; each value has a message key {@code member.<enum>.<VALUE>}. */
public final class MemberEnums {

    private MemberEnums() {}

    public enum Gender {
        M,
        F;

        public String messageKey() {
            return "member.gender." + name();
        }
    }

    /**
     * application → active ⇄ suspended → exited; an exit is final, a new membership starts anew. Each {@code after…}
     * method is one transition: it names the status that follows or refuses the action with the reason.
     */
    public enum MembershipStatus {
        APPLICATION,
        ACTIVE,
        SUSPENDED,
        EXITED;

        public String messageKey() {
            return "member.status." + name();
        }

        /** Counted as a member of the union: active or suspended. */
        public boolean current() {
            return this == ACTIVE || this == SUSPENDED;
        }

        /** A membership may start as an application or active; suspended or exited are reached, not started in. */
        public boolean startsMembership() {
            return this == APPLICATION || this == ACTIVE;
        }

        /** The staff's change of status: {@code ACTIVE} accepts an application or resumes, {@code SUSPENDED} suspends. */
        public MembershipStatus changeTo(MembershipStatus requested) {
            return switch (requested) {
                case ACTIVE -> this == SUSPENDED ? afterResume() : afterAccept();
                case SUSPENDED -> afterSuspend();
                case APPLICATION, EXITED -> throw refused(requested);
            };
        }

        /** Accepting an application makes the person a member. */
        public MembershipStatus afterAccept() {
            return switch (this) {
                case APPLICATION -> ACTIVE;
                case ACTIVE, SUSPENDED, EXITED -> throw refused(ACTIVE);
            };
        }

        public MembershipStatus afterSuspend() {
            return switch (this) {
                case ACTIVE -> SUSPENDED;
                case APPLICATION, SUSPENDED, EXITED -> throw refused(SUSPENDED);
            };
        }

        public MembershipStatus afterResume() {
            return switch (this) {
                case SUSPENDED -> ACTIVE;
                case APPLICATION, ACTIVE, EXITED -> throw refused(ACTIVE);
            };
        }

        /** Any membership may end, an application too (declined); an ended one only once. */
        public MembershipStatus afterExit() {
            return switch (this) {
                case APPLICATION, ACTIVE, SUSPENDED -> EXITED;
                case EXITED -> throw ru.profkom.shared.ProfkomException.conflict("member.exit.already");
            };
        }

        /** A transfer moves a current membership and keeps its status in the new organization. */
        public MembershipStatus afterTransfer() {
            return switch (this) {
                case ACTIVE, SUSPENDED -> this;
                case APPLICATION, EXITED ->
                    throw ru.profkom.shared.ProfkomException.conflict("member.transfer.notCurrent");
            };
        }

        private ru.profkom.shared.ProfkomException refused(MembershipStatus requested) {
            return ru.profkom.shared.ProfkomException.conflict("member.status.transition", this, requested);
        }
    }

    public enum ExitReason {
        OWN_WISH,
        DISMISSAL,
        RETIREMENT,
        DEATH,
        EXPULSION,
        /** The membership ended because the person moved to another organization of the union. */
        TRANSFER;

        public String messageKey() {
            return "member.exitReason." + name();
        }
    }

    public enum Category {
        WORKER,
        STUDENT,
        PENSIONER,
        UNEMPLOYED;

        public String messageKey() {
            return "member.category." + name();
        }
    }

    /** Roles in the union's structure, with terms; distinct from the access roles of accounts. */
    public enum UnionRole {
        ACTIVIST,
        CHAIR,
        DEPUTY_CHAIR,
        INFO_WORKER,
        ELECTED_BODY_MEMBER,
        YOUTH_COUNCIL_MEMBER,
        COMMISSION_MEMBER;

        public String messageKey() {
            return "member.unionRole." + name();
        }
    }

    public enum ConsentPurpose {
        PROCESSING,
        EMAIL,
        SMS,
        MESSENGER,
        /** Name and role on the organization's public page: the portal names no one without it. */
        PUBLICATION;

        public String messageKey() {
            return "member.consent." + name();
        }
    }

    public enum ConsentForm {
        PAPER,
        ELECTRONIC;

        public String messageKey() {
            return "member.consentForm." + name();
        }
    }
}
