/**
 * What lets several Signpost nodes share one database behind a load balancer
 * (docs/scaling.md): the lock table that keeps scheduled work and each feed's import to
 * one node at a time (ShedLock), and the resubmission of events a stopped node left
 * unfinished. The workspace's sessions are in the database too (Spring Session JDBC,
 * configured in application.yml).
 */
package uk.signpost.nodes;
