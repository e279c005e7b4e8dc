import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/style.css';

render(<OptionsPage />, document.getElementById('app')!);
