import { z } from 'zod';
import { AssessmentKindSchema, FactValueSchema, FormSectionSchema, ProvenanceSchema } from '../model';
import { IsoDateSchema } from '../model/dates';
import { READ_LIMITS } from './limits';

/**
 * Messages between the content script, the background and the panel. The content
 * script has no zod (size): it sends plain objects and the background checks every
 * one against these schemas before it touches the store.
 */

const Id = z.string().min(1).max(120);
const PagePath = z.string().max(READ_LIMITS.pagePath);

export const FactUpdateMessageSchema = z.strictObject({
  path: z.string().min(1).max(200),
  value: FactValueSchema.nullable(),
});

const Count = z.number().int().min(0).max(1_000_000);
/** How far a read has got: so many of those found so far. */
export const ReadProgressSchema = z.strictObject({
  /** Rows of people. */
  people: z.strictObject({ done: Count, total: Count }),
  /** The page's other fields. */
  fields: z.strictObject({ done: Count, total: Count }),
});
export type ReadProgress = z.infer<typeof ReadProgressSchema>;

export const FactsMessageSchema = z.strictObject({
  type: z.literal('facts'),
  caseSystem: Id,
  mapId: Id,
  assessmentId: Id,
  personId: Id.optional(),
  section: FormSectionSchema.optional(),
  /** Every model section the page shows (a page may show several). */
  sections: z.array(FormSectionSchema).max(20).optional(),
  pagePath: PagePath,
  /**
   * Which view of the assessment the page is (lib/adapters/page-view.ts): what it shows is
   * kept under this, so another view's read (a print view, another step) never erases it.
   */
  view: z.string().min(1).max(700).optional(),
  /** True when sent from the top frame (the page the worker is on), false from an iframe. */
  topFrame: z.boolean(),
  facts: z.array(FactUpdateMessageSchema).max(READ_LIMITS.facts),
  provenance: z.record(z.string().max(200), ProvenanceSchema),
  notFound: z.array(z.strictObject({ entry: z.string().max(200), fact: z.string().max(200) })).max(READ_LIMITS.notFound),
  /** True when `facts` is every fact the page shows (its first read); later reads send only changes. */
  complete: z.boolean().optional(),
  /**
   * A complete read too big for one message is sent in parts (lib/content/fact-diff.ts,
   * inParts): its first part is complete and names here every fact path the page shows.
   */
  shown: z.array(z.string().min(1).max(200)).max(5000).optional(),
  /** Set on every part of a read but the last: more follow, and the read has got this far. */
  reading: ReadProgressSchema.optional(),
  /** Fact paths the page showed at its last read and no longer does. */
  gone: z.array(z.string().min(1).max(200)).max(READ_LIMITS.gone).optional(),
  /** How many facts and not-found entries a read over the limits left out (lib/content/fact-diff.ts). */
  cut: z.strictObject({ facts: z.number().int().min(0), notFound: z.number().int().min(0) }).optional(),
});
export type FactsMessage = z.infer<typeof FactsMessageSchema>;

/** The top frame is on a page that is not an assessment this map recognises (e.g. the work tray). */
export const PageMessageSchema = z.strictObject({
  type: z.literal('page'),
  state: z.enum(['unrecognised', 'work-tray']),
  pagePath: PagePath,
});
export type PageMessage = z.infer<typeof PageMessageSchema>;


/** The top frame's first read of an assessment page takes several slices: how far it has got (the facts follow). */
export const ReadingMessageSchema = ReadProgressSchema.extend({
  type: z.literal('reading'),
  caseSystem: Id,
  assessmentId: Id,
  section: FormSectionSchema.optional(),
  sections: z.array(FormSectionSchema).max(20).optional(),
  pagePath: PagePath,
});
export type ReadingMessage = z.infer<typeof ReadingMessageSchema>;

/** What the tray shows of one assessment, when the map names those columns (lib/adapters/work-tray.ts). */
export const TrayEntryMessageSchema = z.strictObject({
  assessmentId: Id,
  kind: AssessmentKindSchema.nullable().optional(),
  referral: IsoDateSchema.nullable().optional(),
  worker: z.string().max(100).optional(),
});

export const TrayBadgesRequestSchema = z.strictObject({
  type: z.literal('tray-badges'),
  caseSystem: Id,
  assessmentIds: z.array(Id).max(500),
  /** The tray's rows, for the caseload: every assessment it lists, opened on this computer or not. */
  entries: z.array(TrayEntryMessageSchema).max(500).optional(),
});
export type TrayBadgesRequest = z.infer<typeof TrayBadgesRequestSchema>;

export const TrayBadgeSchema = z.strictObject({
  assessmentId: Id,
  /** e.g. "Due 2 Dec 2026 (3 working days)" */
  text: z.string().max(200),
  state: z.string().max(40),
  label: z.string().max(300),
});
export type TrayBadge = z.infer<typeof TrayBadgeSchema>;

/**
 * A frame in the page finished loading after the page itself (a section opened in a frame):
 * in Chrome and Edge the reader is put into frames by the background, so it is asked again.
 */
export const FramesLoadedSchema = z.strictObject({
  type: z.literal('frames-loaded'),
});
export type FramesLoaded = z.infer<typeof FramesLoadedSchema>;

/** On a page showing several sections, the one the worker is in now (focused, or most on screen): said when it changes. */
export const InViewMessageSchema = z.strictObject({
  type: z.literal('in-view'),
  assessmentId: Id,
  section: FormSectionSchema,
});
export type InViewMessage = z.infer<typeof InViewMessageSchema>;

export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  InViewMessageSchema,
  FactsMessageSchema,
  ReadingMessageSchema,
  PageMessageSchema,
  TrayBadgesRequestSchema,
  FramesLoadedSchema,
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

/** Panel → content script: scroll to a field and outline it. */
export const ShowFieldMessageSchema = z.strictObject({
  type: z.literal('show-field'),
  path: z.string().min(1).max(200),
});
export type ShowFieldMessage = z.infer<typeof ShowFieldMessageSchema>;

export const ShowFieldReplySchema = z.strictObject({ found: z.boolean() });

/** What the panel follows: the case page the worker is on (kept in session storage by the background). */
export const CurrentPageSchema = z.strictObject({
  tabId: z.number().int(),
  windowId: z.number().int().optional(),
  state: z.enum(['assessment', 'unrecognised', 'work-tray']),
  caseSystem: Id.optional(),
  assessmentId: Id.optional(),
  section: FormSectionSchema.optional(),
  /** Every model section the page shows, when it shows several. */
  sections: z.array(FormSectionSchema).max(20).optional(),
  /** Of those, the one in view (the worker's focus, or most on screen), once the page has said. */
  inView: FormSectionSchema.optional(),
  /** The page's first read is still going: how far it has got. */
  reading: ReadProgressSchema.optional(),
  /** The read is done but sent in parts, and more are to come (whatever has been stored meanwhile). */
  partsToCome: z.literal(true).optional(),
  at: z.number(),
});
export type CurrentPage = z.infer<typeof CurrentPageSchema>;

// ---------------------------------------------------------------- inspect mode (panel ↔ top frame's content script)

/** Panel → content script: what each map entry finds on this page now (lib/adapters/inspect.ts). */
export const InspectRequestSchema = z.strictObject({ type: z.literal('inspect') });

const Words = z.string().max(600);
export const InspectEntrySchema = z.strictObject({
  entry: z.string().max(200),
  fact: z.string().max(200),
  section: FormSectionSchema.optional(),
  state: z.enum(['found', 'not-found', 'not-on-page', 'not-read']),
  /** A shape ("date", "yes", "3 people"), never the page's text. */
  found: z.string().max(200).optional(),
  reasons: z.array(Words).max(20).optional(),
  showPath: z.string().max(200).optional(),
});
export type InspectEntryMessage = z.infer<typeof InspectEntrySchema>;

export const InspectReplySchema = z.union([
  z.strictObject({
    recognised: z.literal(true),
    assessmentId: Id,
    sections: z.array(FormSectionSchema).max(20),
    // Every entry a map may hold (2,000 fields; 100 groups of up to 500).
    entries: z.array(InspectEntrySchema).max(53_000),
    frames: z.array(Words).max(30),
  }),
  z.strictObject({ recognised: z.literal(false) }),
]);
export type InspectReply = z.infer<typeof InspectReplySchema>;

/** Panel → content script: take the next click on the page as the field to propose an entry for. */
export const PickRequestSchema = z.strictObject({ type: z.literal('pick-field') });
/** Panel → content script: stop waiting for that click. */
export const PickCancelSchema = z.strictObject({ type: z.literal('pick-cancel') });

/** The proposed entry is checked by the field-map schema itself when the panel shows it. */
export const PickReplySchema = z.union([
  z.strictObject({ picked: z.literal(true), entry: z.record(z.string(), z.unknown()), notes: z.array(Words).max(20) }),
  z.strictObject({ picked: z.literal(false), reason: z.enum(['cancelled', 'nothing-names-it']) }),
]);
export type PickReply = z.infer<typeof PickReplySchema>;
