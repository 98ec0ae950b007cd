/**
 * The one platform function the engine uses beyond ES2022: deep copy of plain data, present in every browser, web
 * worker and Node 17+. Declared here because the engine's tsconfig leaves out the DOM and Node libraries.
 */
declare function structuredClone<T>(value: T): T;
