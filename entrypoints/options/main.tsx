import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import { text } from '@/lib/i18n/messages';
import '@/components/style.css';

document.title = text('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
