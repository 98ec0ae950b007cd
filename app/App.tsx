import { useEffect, useState } from 'react';
import { engine } from './engine/client.ts';

export function App() {
  const [status, setStatus] = useState('starting engine…');
  useEffect(() => {
    engine.ping().then((r) => setStatus(`engine: ${r}`));
  }, []);
  return (
    <main>
      <h1>EventLab</h1>
      <p data-testid="engine-status">{status}</p>
    </main>
  );
}
