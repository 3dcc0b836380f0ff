/**
 * The made-up demo directory (Lancashire services with Ofcom drama-range phone numbers
 * and example.org addresses), loaded on a first start, and the folders the benchmarks
 * generate.
 */
package uk.signpost.demo;
