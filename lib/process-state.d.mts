export declare function processWide<T>(name: `platform${string}`, create: () => T): T;
