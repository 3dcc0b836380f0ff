/**
 * Reviews in the workspace (/manage/reviews): when each service is due to be checked
 * again (a set time after its last check, shorter in some categories), the list of
 * overdue and soon-due services per publisher, recording "I have checked this information
 * is correct" with who and when, and the weekly reminder to each publisher's contact. The
 * checks it records are read back by the directory (directory.ServiceChecks) for the
 * public page.
 */
package uk.signpost.review;
