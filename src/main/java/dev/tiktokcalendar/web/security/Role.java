package dev.tiktokcalendar.web.security;

/** What a user may do in a workspace; each role includes the ones before it. */
public enum Role {
    /** sees the workspace's accounts and posts */
    VIEWER,
    /** also connects and removes accounts, edits posts */
    EDITOR,
    /** also manages the workspace's users */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
