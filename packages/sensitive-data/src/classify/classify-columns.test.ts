import { describe, expect, it } from 'vitest';
import { classifyColumns } from './classify-columns';

function rows(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: index,
    contact: index % 4 === 0 ? null : `user${index}@example.com`,
    card: index % 2 === 0 ? '4111 1111 1111 1111' : 'pending',
    first_name: index % 3 === 0 ? 'Ada' : 'Grace',
    dob: '1985-03-12',
    product_name: 'Ada',
    created: '2026-11-25',
    comment: index % 5 === 0 ? `call me on +44 20 7946 0958 please (${index})` : 'great service',
  }));
}

const byColumn = (result: ReturnType<typeof classifyColumns>) => Object.fromEntries(result.map((c) => [c.column, c]));

describe('classifyColumns', () => {
  it('reports entity shares of non-null values and classifies at the threshold', () => {
    const result = byColumn(classifyColumns(rows(100), { sampleSize: 100, threshold: 0.5 }));
    expect(result.contact).toMatchObject({
      nonNull: 75,
      entities: [{ entity: 'EMAIL', count: 75, share: 1 }],
      classifiedAs: ['EMAIL'],
    });
    expect(result.card).toMatchObject({
      entities: [{ entity: 'CREDIT_CARD', share: 0.5 }],
      classifiedAs: ['CREDIT_CARD'],
    });
    expect(result.comment).toMatchObject({ entities: [{ entity: 'PHONE_NUMBER', share: 0.2 }], classifiedAs: [] });
    expect(result.id?.entities).toEqual([]);
  });

  it('classifies names and birth dates only in columns named for them', () => {
    const result = byColumn(classifyColumns(rows(50), { now: new Date('2026-12-01') }));
    expect(result.first_name?.classifiedAs).toEqual(['PERSON_NAME']);
    expect(result.dob?.classifiedAs).toEqual(['DATE_OF_BIRTH']);
    expect(result.product_name?.classifiedAs).toEqual([]);
    expect(result.created?.classifiedAs).toEqual([]);
  });

  it('samples evenly at most sampleSize rows', () => {
    const result = classifyColumns(rows(1000), { sampleSize: 10 });
    expect(result[0]?.sampled).toBe(10);
  });

  it('classifies custom patterns', () => {
    const result = byColumn(
      classifyColumns([{ badge: 'EMP-123456' }, { badge: 'EMP-654321' }], {
        customPatterns: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }],
      }),
    );
    expect(result.badge?.classifiedAs).toEqual(['EMPLOYEE_ID']);
  });

  it('does not classify numeric id columns as phones or SSNs by shape alone', () => {
    const ids = Array.from({ length: 20 }, (_, index) => ({
      order_id: `41555526${String(index).padStart(2, '0')}`,
      ref: `5362212${String(index + 10).padStart(2, '0')}`,
      mobile: `41555526${String(index).padStart(2, '0')}`,
      ssn: `5362212${String(index + 10).padStart(2, '0')}`,
    }));
    const result = byColumn(classifyColumns(ids, { threshold: 0.5 }));
    expect(result.order_id?.classifiedAs).toEqual([]);
    expect(result.ref?.classifiedAs).toEqual([]);
    expect(result.mobile?.classifiedAs).toEqual(['PHONE_NUMBER']);
    expect(result.ssn?.classifiedAs).toEqual(['US_SSN']);
  });
});
