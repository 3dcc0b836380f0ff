package uk.signpost.directory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.jdbc.core.RowMapper;

/**
 * Makes one of the directory's records from a row read with plain SQL, each component
 * from the column the repositories map it to (Spring Data's own mapping, so its naming
 * and {@code @Column} names are not written again here). A component that is a child
 * collection comes from what the caller read, or is empty.
 */
final class RecordRows<T> implements RowMapper<T> {

	private final Constructor<T> constructor;

	private final String[] names;

	private final String[] columns;

	private final Class<?>[] types;

	private final boolean[] children;

	RecordRows(RelationalMappingContext mapping, Class<T> type) {
		RelationalPersistentEntity<?> entity = mapping.getRequiredPersistentEntity(type);
		RecordComponent[] components = type.getRecordComponents();
		this.names = new String[components.length];
		this.columns = new String[components.length];
		this.types = new Class<?>[components.length];
		this.children = new boolean[components.length];
		for (int i = 0; i < components.length; i++) {
			RelationalPersistentProperty property = entity.getPersistentProperty(components[i].getName());
			this.names[i] = components[i].getName();
			this.types[i] = components[i].getType();
			this.children[i] = property != null && (property.isEntity() || property.isCollectionLike());
			// Null for a component not stored (@Transient).
			this.columns[i] = property == null || this.children[i] ? null : property.getColumnName().getReference();
		}
		try {
			this.constructor = type.getDeclaredConstructor(this.types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(type + " is not a record", ex);
		}
	}

	@Override
	public T mapRow(ResultSet rs, int row) throws SQLException {
		return read(rs, Map.of());
	}

	/** children: the child collections by component name; those not given are empty. */
	T read(ResultSet rs, Map<String, ? extends List<?>> children) throws SQLException {
		Object[] values = new Object[this.columns.length];
		for (int i = 0; i < values.length; i++) {
			if (this.children[i]) {
				List<?> given = children.get(this.names[i]);
				values[i] = given == null ? List.of() : List.copyOf(given);
			}
			else if (this.columns[i] != null) {
				values[i] = value(rs, this.columns[i], this.types[i]);
			}
			else if (this.types[i] == boolean.class) {
				values[i] = false;
			}
		}
		try {
			return this.constructor.newInstance(values);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object value(ResultSet rs, String column, Class<?> type) throws SQLException {
		if (type == Instant.class) {
			return instant(rs, column);
		}
		if (type == boolean.class) {
			return rs.getBoolean(column);
		}
		return rs.getObject(column, type);
	}

	/**
	 * A time with its zone, read as OffsetDateTime, which PostgreSQL's driver reads too.
	 */
	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
