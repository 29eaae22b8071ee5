/** Types of build-node.mjs, for the test setup that calls it. */
export declare const TARGETS: Readonly<Record<'cli' | 'bench', { entry: string; outfile: string }>>;
/** Builds the named targets (default: all). */
export declare function buildNode(names?: readonly ('cli' | 'bench')[]): Promise<void>;
