/**
 * "Report a problem with this service": residents' reports, with a limit on how many one
 * client may send; the workspace's queue of them (/manage/reports), where staff move each
 * on, assign it and add notes; and the mail they cause, to the publisher's contact and,
 * when closed, to the resident. The service page asks whether a report is open through
 * {@link uk.signpost.directory.ReportedProblems}, which this feature answers.
 */
package uk.signpost.feedback;
