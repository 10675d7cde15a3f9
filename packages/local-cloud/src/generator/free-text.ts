import type { EntityType } from '@sluice/contracts';
import type { Attendee } from './attendees';
import { minorUnits } from './attendees';
import { LazyPool } from './lazy-pool';
import { cardNumber, ibanFor } from './payment-data';
import type { SeededRandom } from './random';
import type { SeededFakers } from './seeded-fakers';
import type { ConferenceSession } from './session-catalog';

/** The entity types the generator hides in free text. */
export type EmbeddedEntityType = Extract<EntityType, 'EMAIL' | 'PHONE_NUMBER' | 'CREDIT_CARD' | 'IBAN'>;

/** Ground truth for a detector test: which PII was embedded in a comment, exactly as written. */
export interface EmbeddedPii {
  readonly entity: EmbeddedEntityType;
  readonly value: string;
}

export interface Comment {
  readonly text: string;
  readonly pii: readonly EmbeddedPii[];
}

/** How often each kind of PII is the one a comment leaks (phone only when the attendee gave one). */
const PII_KINDS: readonly { entity: EmbeddedEntityType; weight: number }[] = [
  { entity: 'EMAIL', weight: 0.4 },
  { entity: 'PHONE_NUMBER', weight: 0.3 },
  { entity: 'CREDIT_CARD', weight: 0.15 },
  { entity: 'IBAN', weight: 0.15 },
];

const OPENERS_BY_RATING: Readonly<Record<number, readonly string[]>> = {
  1: ['Disappointing.', 'Not what the abstract promised.', 'I left halfway through.'],
  2: ['Too basic for me.', 'Interesting topic, weak delivery.', 'The demo failed twice.'],
  3: ['Decent overview.', 'Some useful bits.', 'OK, but it ran long.'],
  4: ['Good talk.', 'Clear and practical.', 'Learned a lot.'],
  5: ['Excellent talk!', 'Best session so far.', 'Brilliant, thank you!'],
};

const PHRASE_POOL_SIZE = 400;

/**
 * Writes feedback comments: an opener that fits the rating and a faker sentence, then either a leaked piece of
 * PII (the attendee's own e-mail or phone, a Luhn-valid card number, a checksum-valid IBAN) or, in other
 * comments, numbers that only look interesting — dates, times, prices, room and slide numbers, order ids — which
 * a good detector must leave alone. Every decoy stays below 13 consecutive digits, so none can pass for a card.
 *
 * @example
 * ```ts
 * const comments = new CommentWriter(random, fakers);
 * comments.write(attendee, session, 4, true);
 * // { text: 'Good talk. We need to parse the neural SMS bus! Please send the slides to anna.bos@bijl.nl.',
 * //   pii: [{ entity: 'EMAIL', value: 'anna.bos@bijl.nl' }] }
 * ```
 */
export class CommentWriter {
  readonly #random: SeededRandom;
  readonly #fakers: SeededFakers;
  readonly #phrases: LazyPool<string>;

  constructor(random: SeededRandom, fakers: SeededFakers) {
    this.#random = random;
    this.#fakers = fakers;
    // Faker's hacker phrases are the slow part of a comment; a pool of them reads just as varied.
    this.#phrases = new LazyPool(PHRASE_POOL_SIZE, () => fakers.english.hacker.phrase());
  }

  write(attendee: Attendee, session: ConferenceSession, rating: number, withPii: boolean): Comment {
    const random = this.#random;
    const parts = [
      random.pick(OPENERS_BY_RATING[rating] ?? OPENERS_BY_RATING[3] ?? ['OK.']),
      this.#phrases.pick(random),
    ];
    const pii: EmbeddedPii[] = [];
    if (withPii) {
      const first = this.#pii(attendee);
      pii.push(first);
      // Now and then someone leaves both ways to reach them.
      if (first.entity === 'EMAIL' && attendee.phone && random.chance(0.15)) {
        pii.push({ entity: 'PHONE_NUMBER', value: attendee.phone });
      }
      parts.push(...pii.map((item) => this.#piiSentence(item)));
      if (random.chance(0.2)) parts.push(this.#decoySentence(attendee, session));
    } else if (random.chance(0.5)) {
      parts.push(this.#decoySentence(attendee, session));
    }
    return { text: parts.join(' '), pii };
  }

  #pii(attendee: Attendee): EmbeddedPii {
    const random = this.#random;
    const kinds = attendee.phone ? PII_KINDS : PII_KINDS.filter((kind) => kind.entity !== 'PHONE_NUMBER');
    const total = kinds.reduce((sum, kind) => sum + kind.weight, 0);
    let target = random.float() * total;
    let entity: EmbeddedEntityType = 'EMAIL';
    for (const kind of kinds) {
      target -= kind.weight;
      if (target < 0) {
        entity = kind.entity;
        break;
      }
    }
    switch (entity) {
      case 'EMAIL':
        return { entity, value: attendee.email };
      case 'PHONE_NUMBER':
        return { entity, value: attendee.phone ?? attendee.email };
      case 'CREDIT_CARD':
        return { entity, value: cardNumber(random) };
      case 'IBAN':
        return { entity, value: ibanFor(this.#fakers.english, random, attendee.country.code) };
    }
  }

  #piiSentence({ entity, value }: EmbeddedPii): string {
    const random = this.#random;
    switch (entity) {
      case 'EMAIL':
        return random.pick([
          `Please send the slides to ${value}.`,
          `Happy to help with the next edition, reach me at ${value}`,
          `Could the speaker mail the code to ${value}?`,
        ]);
      case 'PHONE_NUMBER':
        return random.pick([
          `Call me on ${value} if you need a volunteer.`,
          `My number is ${value}, text me about the meetup.`,
          `I'd like to speak next year: ${value}`,
        ]);
      case 'CREDIT_CARD':
        return random.pick([
          `I was charged twice on card ${value}, please refund.`,
          `Workshop fee was taken from ${value} but I never got a seat.`,
        ]);
      case 'IBAN':
        return random.pick([
          `Please refund my ticket to ${value}.`,
          `Send the speaker reimbursement to IBAN ${value} please.`,
        ]);
    }
  }

  #decoySentence(attendee: Attendee, session: ConferenceSession): string {
    const random = this.#random;
    const start = new Date(session.startsAt);
    const digits = minorUnits(attendee.currency);
    switch (random.int(7)) {
      case 0:
        return `Will the recording from ${session.startsAt.slice(0, 10)} be online?`;
      case 1:
        return `It started late, around ${pad(start.getUTCHours())}:${pad(start.getUTCMinutes() + random.between(3, 14))}.`;
      case 2:
        return `${session.room} was far too warm and only had ${random.between(40, 180)} seats.`;
      case 3:
        return `Still waiting for the invoice of order #${random.between(100000, 9999999)}.`;
      case 4:
        return `The ${attendee.currency} ${(random.between(1500, 9900) / 100).toFixed(digits)} workshop add-on was worth it.`;
      case 5:
        return `Slide ${random.between(2, 60)} had a typo, see version ${random.between(1, 4)}.${random.between(0, 20)}.${random.between(0, 9)}.`;
      default:
        return `Rated ${random.between(1, 5)} of 5, ${random.between(10, 95)}% of it was new to me.`;
    }
  }
}

const pad = (value: number): string => String(value).padStart(2, '0');
