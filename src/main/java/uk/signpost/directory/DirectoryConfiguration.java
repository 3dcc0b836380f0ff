package uk.signpost.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.jdbc.core.JdbcOperations;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	/**
	 * The schema uses lower-case names on both databases (H2 runs with
	 * DATABASE_TO_LOWER), so Spring Data JDBC must quote lower-case names on H2 too, as
	 * it already does on PostgreSQL.
	 */
	@Bean
	JdbcDialect jdbcDialect(JdbcOperations operations) {
		JdbcDialect dialect = DialectResolver.getDialect(operations);
		return dialect instanceof JdbcH2Dialect ? new LowerCaseH2Dialect() : dialect;
	}

	static class LowerCaseH2Dialect extends JdbcH2Dialect {

		@Override
		public IdentifierProcessing getIdentifierProcessing() {
			return IdentifierProcessing.create(IdentifierProcessing.Quoting.ANSI,
					IdentifierProcessing.LetterCasing.LOWER_CASE);
		}

	}

}
