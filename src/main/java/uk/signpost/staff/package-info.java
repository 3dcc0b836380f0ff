/**
 * Staff of councils and publishers: their accounts and roles, signing in (with a password
 * or the council's identity provider), and the audit log of what they do in the workspace
 * (/manage). Other features ask {@link uk.signpost.staff.Staff} who is signed in and what
 * they may see, and write to {@link uk.signpost.staff.Audit}.
 */
package uk.signpost.staff;
