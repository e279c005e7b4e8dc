import { render } from 'preact';
import { SearchHome } from '@/components/SearchHome';
import '@/components/style.css';

render(<SearchHome showQuickActions />, document.getElementById('app')!);
