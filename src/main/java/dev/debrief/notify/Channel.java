package dev.debrief.notify;

/** A way to reach the team. Implementations throw when the message could not be delivered. */
interface Channel {

    /** Short name used in the reminder keys, such as {@code webhook}. */
    String name();

    boolean configured();

    void send(String subject, String text) throws Exception;
}
