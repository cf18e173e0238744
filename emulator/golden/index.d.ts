// Declarations of golden/index.js for TypeScript tests.
export interface GoldenAnswer {
  /** the Harness class (and where the message comes from) the body is shaped from */
  source: string
  /** method and path, as Harness's resource declares it */
  route: string
  case: string
  httpStatus: number
  /** paths (from `body`, `*` = any key or index) of objects keyed by ids, such as layoutNodeMap */
  maps?: string[]
  notes?: string
  body: unknown
}
export declare const GOLDEN_NAMES: readonly string[]
export declare function goldenAnswer(name: string): GoldenAnswer
/** structural differences (keys, JSON types, nesting) of `actual` from a golden body; [] when none */
export declare function shapeDifferences(actual: unknown, golden: GoldenAnswer): string[]
